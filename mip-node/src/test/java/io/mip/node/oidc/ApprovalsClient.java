package io.mip.node.oidc;

import io.mip.profile.auth.RequestSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** Calls the approvals routes as a person, with a MIP signed request. */
final class ApprovalsClient {
  private ApprovalsClient() {}

  static int revoke(OidcTestbed bed, FakePassports.Person person, String app) throws Exception {
    String path = "/oidc/approvals/" + app;
    return send(bed, person, "DELETE", path).statusCode();
  }

  static HttpResponse<String> send(
      OidcTestbed bed, FakePassports.Person person, String method, String path) throws Exception {
    String auth =
        new RequestSigner(person.did(), person.key(), Clock.systemUTC())
            .authorization(bed.base.toString(), method, path, new byte[0]);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(bed.base.resolve(path))
                .header("Authorization", auth)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
