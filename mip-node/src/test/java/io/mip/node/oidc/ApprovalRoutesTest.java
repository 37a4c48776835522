package io.mip.node.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.Operation;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's remembered approvals: listed and revoked only by that person. */
class ApprovalRoutesTest {
  @TempDir Path dir;
  private OidcTestbed bed;
  private OidcTestbed.App clinic;
  private FakePassports.Person anna;

  @BeforeEach
  void start() {
    bed = new OidcTestbed(dir);
    clinic = bed.registerApp("City Clinic");
    anna = bed.person("anna", false);
    new SignIn(bed, clinic, Set.of()).unlock(anna).approve(true).callback();
  }

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void list_byThePerson_showsTheAppAndScopes() throws Exception {
    HttpResponse<String> r = ApprovalsClient.send(bed, anna, "GET", "/oidc/approvals");

    assertThat(r.statusCode()).isEqualTo(200);
    var approvals = Operation.json().readTree(r.body()).path("approvals");
    assertThat(approvals.size()).isEqualTo(1);
    assertThat(approvals.get(0).path("client_id").asText()).isEqualTo(clinic.party().did());
    assertThat(approvals.get(0).path("scopes").toString()).isEqualTo("[\"openid\"]");
  }

  @Test
  void revoke_byAnotherPerson_notFoundAndTheApprovalStays() throws Exception {
    FakePassports.Person bob = bed.person("bob", false);

    int other = ApprovalsClient.revoke(bed, bob, clinic.party().did());
    HttpResponse<String> annaList = ApprovalsClient.send(bed, anna, "GET", "/oidc/approvals");

    assertThat(other).isEqualTo(404);
    assertThat(Operation.json().readTree(annaList.body()).path("approvals").size()).isEqualTo(1);
  }

  @Test
  void list_unsigned_401Problem() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(bed.base.resolve("/oidc/approvals")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void approvalsFile_privateToTheNodeUser() throws Exception {
    Path file = dir.resolve("oidc").resolve("approvals.json");

    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file)).contains(anna.did()).doesNotContain("ANNA");
  }
}
