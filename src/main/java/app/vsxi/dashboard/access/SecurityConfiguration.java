package app.vsxi.dashboard.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Form login for every page, strict headers everywhere. URL rules only keep strangers out: what a user may do on
 * which SBC is decided by method security in the services ({@link AccessService}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

	/** Only the app's own scripts and styles: no inline code, no CDN. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http, AppUserRepository users, AccessProperties properties,
			ObjectProvider<ClientRegistrationRepository> oidcProviders) throws Exception {
		SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		// a background HTMX refresh is never the page to return to after login, and gets a redirect the page follows
		RequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request");
		HttpSessionRequestCache pages = new HttpSessionRequestCache();
		pages.setRequestMatcher(new NegatedRequestMatcher(htmx));
		http.securityContext(context -> context.securityContextRepository(contexts))
			.requestCache(cache -> cache.requestCache(pages))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor((request, response, failure) -> {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}, htmx))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/login", "/error").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**", "/admin/groups/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/overview", false).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.addFilterBefore(new AccountStateFilter(users, contexts), AuthorizationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny())
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=()")));
		if (oidcProviders.getIfAvailable() != null) {
			OidcAccounts accounts = new OidcAccounts(users, properties.oidcUsernameClaim());
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.defaultSuccessUrl("/overview", false)
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(accounts)));
		}
		return http.build();
	}

	/** Publishes refused authorizations, so that the audit trail records them. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder(12);
	}

}
