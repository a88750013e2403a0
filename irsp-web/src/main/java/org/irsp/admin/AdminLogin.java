package org.irsp.admin;

import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.irsp.audit.control.AuditLog;
import org.irsp.session.control.Tokens;

/**
 * POST {@code /admin-login} (the login form): into the console on success, back to the form otherwise;
 * every attempt audited. A locked name ({@link ConsoleLogins}) is refused without checking the password.
 * A successful sign-in starts a new session holding the token that state-changing calls must echo
 * ({@link ConsoleCsrf}).
 */
@WebServlet("/admin-login")
public class AdminLogin extends HttpServlet {

    static final String CSRF_TOKEN = "irsp.csrfToken";

    @Inject SecurityContext security;
    @Inject AuditLog audit;
    @Inject ConsoleLogins logins;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        String name = user == null ? "" : user;
        String actor = "admin:" + name;
        if (logins.lockRemaining(name).isPresent()) {
            audit.record(actor, request.getRemoteAddr(), "admin.login", 429, "locked");
            response.sendRedirect(request.getContextPath() + "/admin-login.html?locked");
            return;
        }
        AuthenticationStatus status = user == null || password == null ? AuthenticationStatus.SEND_FAILURE
                : security.authenticate(request, response, AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(user, new Password(password))));
        boolean in = status == AuthenticationStatus.SUCCESS;
        audit.record(actor, request.getRemoteAddr(), "admin.login", in ? 200 : 401, null);
        if (in) {
            logins.succeeded(name);
            request.changeSessionId();
            request.getSession().setAttribute(CSRF_TOKEN, Tokens.random(32));
        } else if (logins.failed(name)) {
            audit.record(actor, request.getRemoteAddr(), "admin.lockout", 429, null);
        }
        if (!response.isCommitted()) {
            response.setStatus(200);
            response.sendRedirect(request.getContextPath() + (in ? "/admin/" : "/admin-login.html?failed"));
        }
    }
}
