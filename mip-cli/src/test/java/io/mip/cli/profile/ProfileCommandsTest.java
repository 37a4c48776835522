package io.mip.cli.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.cli.Cli;
import io.mip.cli.ExitCodes;
import io.mip.cli.did.DidKeyFile;
import io.mip.cli.did.KeySet;
import io.mip.node.LedgerBackend;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.node.internal.ledger.LedgerFactories;
import io.mip.node.profile.ProfileFeature;
import io.mip.profile.RecordId;
import io.mip.sdk.profile.NodeDidKeys;
import io.mip.sdk.profile.ProfileClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mip app register, mip profile list|show|verify, mip consent grant|list|revoke on a real node. */
class ProfileCommandsTest {
  @TempDir Path tmp;
  MipNode node;
  String url;
  Path keys;

  @BeforeEach
  void start() {
    node =
        MipNode.open(
                NodeConfig.embedded(tmp.resolve("node")),
                LedgerFactories.forBackend(LedgerBackend.EMBEDDED),
                List.of(new ProfileFeature()))
            .start(0);
    url = node.localUri().toString();
    keys = tmp.resolve("keys");
  }

  @AfterEach
  void stop() {
    node.close();
  }

  Cli.Result mip(String... args) {
    return Cli.run(args);
  }

  String createDid() {
    Cli.Result r = mip("did", "create", "--node", url, "--keys-dir", keys.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Matcher m = Pattern.compile("did:mip:[A-Za-z0-9]+").matcher(r.out());
    assertThat(m.find()).as(r.toString()).isTrue();
    return m.group();
  }

  /** Runs {@code mip command... --did DID --key <its key file> --node <the node>}. */
  Cli.Result as(String did, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--did", did, "--key", key(did), "--node", url));
    return mip(args.toArray(String[]::new));
  }

  String key(String did) {
    return DidKeyFile.defaultPath(keys, did).toString();
  }

  @Test
  void appRegisterDepositGrantShowVerifyRevoke_endToEnd() {
    String person = createDid();
    String clinic = createDid();
    Cli.Result reg =
        as(
            clinic,
            "app",
            "register",
            "--name",
            "Clinic",
            "--redirect-uri",
            "https://clinic.example/cb");
    assertThat(reg.exitCode()).as(reg.toString()).isZero();
    assertThat(as(clinic, "app", "register", "--name", "Clinic").exitCode())
        .isEqualTo(ExitCodes.REFUSED);

    KeySet ck = DidKeyFile.load(Path.of(key(clinic)), clinic).current();
    ProfileClient app =
        ProfileClient.connect(
            URI.create(url),
            clinic,
            ck.signing(),
            ck.agreement(),
            new NodeDidKeys(URI.create(url)));
    RecordId id =
        app.deposit(
                person,
                "health.visit",
                "schema:visit",
                JsonNodeFactory.instance.objectNode().put("note", "annual check-up"))
            .value()
            .id();

    Cli.Result list = as(person, "profile", "list");
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains(id.value()).contains("health.visit").contains("1 records");

    Cli.Result show = as(person, "profile", "show", "--record=" + id.value());
    assertThat(show.exitCode()).as(show.toString()).isZero();
    assertThat(show.out()).contains("annual check-up");

    Cli.Result grant =
        as(
            person,
            "consent",
            "grant",
            "--app",
            clinic,
            "--categories",
            "health.*",
            "--for",
            "PT1H");
    assertThat(grant.exitCode()).as(grant.toString()).isZero();
    String grantId = grant.out().split("\\s+")[1].replace(":", "");
    assertThat(app.read(id).value().isOpened()).isTrue();

    Cli.Result grants = as(person, "consent", "list");
    assertThat(grants.out()).contains(grantId).contains("LIVE");

    Cli.Result revoke = as(person, "consent", "revoke", "--grant=" + grantId);
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(app.read(id).refusal().code()).isEqualTo("grant-revoked");

    // The node anchors every 2 s; verify succeeds once the record's batch is on the ledger.
    long deadline = System.currentTimeMillis() + 30_000;
    Cli.Result verify;
    do {
      verify = as(person, "profile", "verify", "--record=" + id.value());
    } while (verify.exitCode() != 0 && System.currentTimeMillis() < deadline && sleep());
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out()).contains("OK");
  }

  @Test
  void profileList_unreachableNode_exitsThree() {
    String person = createDid();
    Cli.Result r =
        mip(
            "profile",
            "list",
            "--did",
            person,
            "--key",
            key(person),
            "--node",
            "http://127.0.0.1:1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
  }

  private static boolean sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
