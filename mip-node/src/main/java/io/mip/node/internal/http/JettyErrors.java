package io.mip.node.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mip.ledger.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's error handler for failures that never reach Javalin (an unparsable request line, headers
 * too large, a malformed URI): the response is still an RFC 9457 problem, never an HTML page.
 */
public final class JettyErrors extends ErrorHandler {
  /** Creates the handler; stack traces are never shown. */
  public JettyErrors() {
    setShowStacks(false);
    setShowServlet(false);
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setStatus(code);
    response.setContentType(ErrorHandling.PROBLEM_JSON);
    response.getOutputStream().write(bytes(code, request.getRequestURI()));
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, ErrorHandling.PROBLEM_JSON));
    return ByteBuffer.wrap(bytes(status, null));
  }

  private static byte[] bytes(int status, String instance) {
    Problem problem =
        status == 404
            ? Problem.of(ProblemType.NOT_FOUND, "no resource at this path")
            : Problem.ofStatus(status, "the request could not be processed");
    try {
      return Operation.json().writeValueAsBytes(problem.toJson(instance));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("problem could not be written", e);
    }
  }
}
