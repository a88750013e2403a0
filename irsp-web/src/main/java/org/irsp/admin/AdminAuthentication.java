package org.irsp.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the container authenticates the console (web.xml protects {@code /admin/*} for the role admin):
 * {@link AdminLogin} hands it the form's credentials, a valid login lives in the HTTP session, an
 * unauthenticated page request is sent to the login page and an unauthenticated API call gets 401.
 * Requests outside the console (REST binding, WebSocket) pass untouched: they carry their own tokens.
 */
@ApplicationScoped
@AutoApplySession
public class AdminAuthentication implements HttpAuthenticationMechanism {

    @Inject IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            CredentialValidationResult result = identities.validate(context.getAuthParameters().getCredential());
            return result.getStatus() == CredentialValidationResult.Status.VALID
                    ? context.notifyContainerAboutLogin(result) : AuthenticationStatus.SEND_FAILURE;
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/admin/api/")) {
            return context.responseUnauthorized();
        }
        return context.redirect(request.getContextPath() + "/admin-login.html");
    }
}
