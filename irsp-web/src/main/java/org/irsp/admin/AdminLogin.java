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

/** POST {@code /admin-login} (the login form): into the console on success, back to the form otherwise; both audited. */
@WebServlet("/admin-login")
public class AdminLogin extends HttpServlet {

    @Inject SecurityContext security;
    @Inject AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        AuthenticationStatus status = user == null || password == null ? AuthenticationStatus.SEND_FAILURE
                : security.authenticate(request, response, AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(user, new Password(password))));
        boolean in = status == AuthenticationStatus.SUCCESS;
        audit.record("admin:" + (user == null ? "" : user), request.getRemoteAddr(), "admin.login", in ? 200 : 401, null);
        if (!response.isCommitted()) {
            response.setStatus(200);
            response.sendRedirect(request.getContextPath() + (in ? "/admin/" : "/admin-login.html?failed"));
        }
    }
}
