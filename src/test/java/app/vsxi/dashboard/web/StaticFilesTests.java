package app.vsxi.dashboard.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The static files are served, to anyone (the login page needs them), each from its own path, and no path is a
 * catch-all: a link a page writes is not looked for as a file first.
 */
@SpringBootTest
@ActiveProfiles({ "demo", "test" })
@AutoConfigureMockMvc
@ResourceLock(providers = SameApplication.class)
class StaticFilesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ResourceUrlProvider resources;

	@Test
	void stylesScriptsTheIconAndHtmxAreServedWithoutALogin() throws Exception {
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"));
		this.mvc.perform(get("/css/tables.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/app.js")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"));
		this.mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
		String htmx = this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(htmx).contains("htmx");
	}

	@Test
	void onlyTheStaticPathsAreResourcePathsSoAPagesLinksAreNotLookedForOnTheClassPath() throws Exception {
		assertThat(this.resources.getHandlerMap().keySet().stream().map(Object::toString))
			.containsExactlyInAnyOrder("/css/**", "/js/**", "/favicon.svg", "/webjars/**");
		assertThat(this.resources.getForLookupPath("/sbcs/1/tables/drafts/2/rows")).isNull();
	}

}
