package app.vsxi.dashboard.access;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
		this.oidcProviders = oidcProviders;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<ClientRegistration> providers = new ArrayList<>();
		if (this.oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
			registrations.forEach(registration -> providers.add((ClientRegistration) registration));
		}
		model.addAttribute("oidcProviders", providers);
		return "access/login";
	}

}
