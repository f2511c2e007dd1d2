package app.vsxi.dashboard.web;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class RefusalAdviceTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
		.setControllerAdvice(new RefusalAdvice())
		.build();

	@Test
	void aRefusalGoesBackToThePageItCameFromWithTheReason() throws Exception {
		this.mvc.perform(post("/refuse").header("Referer", "http://localhost/admin/users/7?tab=grants"))
			.andExpect(redirectedUrl("/admin/users/7?tab=grants"))
			.andExpect(flash().attribute("failure", "Not done: a user called x exists already."));
	}

	@Test
	void aForeignRefererDoesNotSteerTheRedirect() throws Exception {
		this.mvc.perform(post("/refuse").header("Referer", "https://evil.example/phish"))
			.andExpect(redirectedUrl(RefusalAdvice.FALLBACK));
		this.mvc.perform(post("/refuse").header("Referer", "http://localhost//evil.example/x"))
			.andExpect(redirectedUrl(RefusalAdvice.FALLBACK));
	}

	@Test
	void anHtmxRequestIsSentBackToItsPageRatherThanSwappingAnError() throws Exception {
		this.mvc.perform(post("/refuse").header("HX-Request", "true").header("HX-Current-URL", "http://localhost/admin/sbcs/3"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("HX-Redirect", "/admin/sbcs/3"));
	}

	@Test
	void aBugIsNotDisguisedAsARefusal() {
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.mvc.perform(post("/bug")))
			.withRootCauseInstanceOf(IllegalArgumentException.class);
	}

	@Controller
	static class Refusing {

		@PostMapping("/refuse")
		String refuse() {
			throw new RefusedException("a user called x exists already");
		}

		@PostMapping("/bug")
		String bug() {
			throw new IllegalArgumentException("index out of range");
		}

	}

}
