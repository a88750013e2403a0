package org.irsp.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/**
 * The error page of the whole application (web.xml): whatever the container answers by itself (an unknown
 * path outside the REST application, a method the servlet does not serve, a header JAX-RS cannot read, an
 * exception that escaped) gets the contract's JSON error body, with the RetCode of its status (§5.3) and
 * the HTTP status of that RetCode.
 */
@WebServlet("/container-error")
public class ContainerErrors extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrors.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            write(response, new IrspException(RetCode.NOT_FOUND, "no such resource"), false);
            return;
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            LOG.log(Level.SEVERE, "internal error outside the protocol's handlers", t);
        }
        boolean protocol = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)).contains("/api/v1/");
        write(response, new IrspException(retCode(code), reason(code)), protocol);
    }

    static RetCode retCode(int httpStatus) {
        return switch (httpStatus) {
            case 401 -> RetCode.UNAUTHORIZED;
            case 403 -> RetCode.FORBIDDEN;
            case 404 -> RetCode.NOT_FOUND;
            case 405 -> RetCode.METHOD_NOT_ALLOWED;
            case 413 -> RetCode.TOO_LARGE;
            case 503 -> RetCode.UNAVAILABLE;
            case 505 -> RetCode.VERSION;
            default -> httpStatus >= 500 ? RetCode.INTERNAL : RetCode.BAD_REQUEST;
        };
    }

    private static String reason(int httpStatus) {
        return switch (httpStatus) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed";
            case 413 -> "request too large";
            default -> httpStatus >= 500 ? "internal error" : "malformed request (HTTP " + httpStatus + ")";
        };
    }

    /** {@code protocol}: the REST binding's path, whose 401 names its Bearer scheme (§5.1). */
    private static void write(HttpServletResponse response, IrspException e, boolean protocol) throws IOException {
        response.setStatus(e.retCode().httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (protocol && e.retCode() == RetCode.UNAUTHORIZED && response.getHeader("WWW-Authenticate") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(Replies.errorBody(e).toString());
    }
}
