package app.vsxi.dashboard.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every refused request or service call by a logged-in user. Anonymous visitors being sent to the login
 * page are not worth a line each.
 */
@Component
class DeniedAccessAuditor {

	private final AuditLog audit;

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	DeniedAccessAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	public void denied(AuthorizationDeniedEvent<?> event) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		Object subject = event.getSource();
		HttpServletRequest request = subject instanceof HttpServletRequest direct ? direct : currentRequest();
		String target = request == null ? "" : request.getMethod() + " " + request.getRequestURI();
		if (subject instanceof MethodInvocation invocation) {
			// the page first, for operators; the refusing service second, for whoever investigates
			target = (target + " (" + invocation.getMethod().getDeclaringClass().getSimpleName() + "."
					+ invocation.getMethod().getName() + ")").strip();
		}
		this.audit.recordAs(authentication.getName(), AuditAction.ACCESS_DENIED, target, null, AuditOutcome.DENIED, null);
	}

}
