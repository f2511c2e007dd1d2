package app.vsxi.dashboard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The dashboard's own static files and htmx, each under the path it is served at, in place of Spring Boot's
 * catch-all {@code /**} (turned off by {@code spring.web.resources.add-mappings=false}). Under the catch-all,
 * every link a page writes ({@code @{...}}, dozens per table page) was first looked for as a file on the class
 * path, in the jars: a page of a draft with 20 viewers spent most of its time there.
 */
@Configuration
class StaticFiles implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/");
		// the page names htmx without its version; the locator finds the version the build brought
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
