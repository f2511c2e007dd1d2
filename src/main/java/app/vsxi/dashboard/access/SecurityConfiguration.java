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
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Duration;
import java.util.List;

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

	/**
	 * Prometheus cannot log in through a form: {@code /actuator/prometheus} also takes HTTP Basic for one scrape
	 * user ({@code vsxi.access.metrics.*}), and an administrator's session as before. Nothing else takes Basic.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain metricsSecurity(HttpSecurity http, AccessProperties properties, PasswordEncoder encoder)
			throws Exception {
		AccessProperties.Metrics metrics = properties.metrics();
		List<UserDetails> scrapers = metrics.isConfigured()
				? List.of(User.withUsername(metrics.username()).password(encoder.encode(metrics.password())).roles("METRICS").build())
				: List.of();
		DaoAuthenticationProvider scraper = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(scrapers));
		scraper.setPasswordEncoder(encoder);
		http.securityMatcher("/actuator/prometheus")
			.authenticationManager(new ProviderManager(scraper))
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("ADMIN", "METRICS"))
			.httpBasic(basic -> basic.realmName("vsxi-dashboard metrics"))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	SecurityFilterChain dashboardSecurity(HttpSecurity http, AppUserRepository users, AccessProperties properties,
			ObjectProvider<ClientRegistrationRepository> oidcProviders, LoginThrottle throttle) throws Exception {
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
			.sessionManagement(session -> session.sessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
					List.<SessionAuthenticationStrategy>of(new ChangeSessionIdAuthenticationStrategy(),
							AccountStateFilter::stampLogin))))
			.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccountStateFilter(users, contexts, properties.sessionLifetime()), AuthorizationFilter.class)
			// sent only over HTTPS, i.e. behind a TLS proxy once forwarded headers are trusted
			.headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
				.maxAgeInSeconds(Duration.ofDays(365).toSeconds()))
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
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

	@Bean
	DatabaseUserDetailsService databaseUserDetailsService(AppUserRepository users) {
		return new DatabaseUserDetailsService(users);
	}

	@Bean
	LoginThrottle loginThrottle(AccessProperties properties) {
		return new LoginThrottle(properties);
	}

	/** The one password login; as a bean it replaces Spring's default, so no second provider checks again. */
	@Bean
	DashboardAuthentication dashboardAuthentication(DatabaseUserDetailsService users, PasswordEncoder encoder) {
		return new DashboardAuthentication(users, encoder);
	}

	/** Publishes refused authorizations, so that the audit trail records them. */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
		return new SpringAuthorizationEventPublisher(publisher);
	}

	/** Offline; an online checker (e.g. Spring Security's HaveIBeenPwnedRestApiPasswordChecker) may replace it. */
	@Bean
	CompromisedPasswordChecker compromisedPasswordChecker() {
		return new LeakedPasswords();
	}

	@Bean
	PasswordRules passwordRules(CompromisedPasswordChecker compromisedPasswords) {
		return new PasswordRules(compromisedPasswords);
	}

	@Bean
	PasswordEncoder passwordEncoder(AccessProperties properties) {
		return new BCryptPasswordEncoder(properties.passwordHashCost());
	}

}
