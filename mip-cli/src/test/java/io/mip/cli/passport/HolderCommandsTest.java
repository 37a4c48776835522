package io.mip.cli.passport;

import static io.mip.cli.passport.Pins.face;
import static io.mip.cli.passport.Pins.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mip.cli.Cli;
import io.mip.cli.did.DidKeyFile;
import io.mip.cli.did.KeySet;
import io.mip.cli.kyc.KycIssuerInit;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.VerificationRelationship;
import io.mip.did.mip.DidMipResolver;
import io.mip.ledger.Operation;
import io.mip.node.MipNode;
import io.mip.node.NodeConfig;
import io.mip.profile.RecordId;
import io.mip.sdk.credential.CredentialVerifier;
import io.mip.sdk.credential.HttpNodeSources;
import io.mip.sdk.credential.VerificationResult;
import io.mip.sdk.profile.NodeDidKeys;
import io.mip.sdk.profile.ProfileClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The passport as the holder, through the CLI against a real node on port 0 with a real KYC issuer
 * (face models, liveness, face match), real photos and the production Argon2id cost: {@code kyc
 * issue}, {@code credential present}, {@code profile list} and {@code consent grant|list|revoke}
 * with {@code --passport FILE --face IMG --face IMG --pin-stdin}.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HolderCommandsTest {
  static final String PIN = "482916";
  @TempDir static Path tmp;
  static MipNode node;
  static String url;
  static Path wallet;
  static Path store;
  static String did;

  @BeforeAll
  static void start() {
    face("deepface/img1.jpg");
    Path data = tmp.resolve("node");
    KycIssuerInit.create(data, "http://127.0.0.1:8080", true);
    node = MipNode.open(NodeConfig.embedded(data)).start(0);
    url = node.localUri().toString();
    KycIssuerInit.setBaseUrl(data, url);
    wallet = tmp.resolve("wallets/me.passport");
    store = tmp.resolve("credentials");
    Cli.Result r = Pins.createPassport(PIN, wallet, url);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    did = r.out().trim();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  /** Runs {@code mip args... --passport wallet --face img5 --face img6 --pin-stdin} with pin. */
  static Cli.Result asPassport(String pin, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(
        List.of(
            "--passport",
            wallet.toString(),
            "--face",
            face("deepface/img5.jpg"),
            "--face",
            face("deepface/img6.jpg"),
            "--pin-stdin"));
    return run(pin + "\n", a.toArray(String[]::new));
  }

  static Cli.Result kycIssue(String pin) {
    Path mrz = Path.of(System.getProperty("mip.repo.root"), "examples/kyc/specimen-td3.mrz");
    return asPassport(
        pin,
        "kyc",
        "issue",
        "--node",
        url,
        "--store",
        store.toString(),
        "--mrz",
        mrz.toString(),
        "--document",
        face("deepface/img2.jpg"),
        "--selfie",
        face("deepface/img1.jpg"));
  }

  @Test
  @Order(1)
  void kycIssue_passport_credentialInStoreAndBesideThePassport() throws Exception {
    Cli.Result r = kycIssue(PIN);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path beside = tmp.resolve("wallets/me.kyc.sd-jwt");
    assertThat(beside).isRegularFile();
    assertThat(r.out()).contains("stored beside the passport: " + beside);
    List<Path> stored = storedCredentials();
    assertThat(stored).hasSize(1);
    assertThat(Files.readString(stored.get(0))).isEqualTo(Files.readString(beside));
    SdJwt c = SdJwt.parse(Files.readString(beside).strip());
    assertThat(c.disclosableClaims()).contains("given_name", "age_over_18", "document_number");
    assertThat(cnf(c)).isEqualTo(passportKey());
    assertThat(r.out() + r.err()).doesNotContain(PIN);
  }

  @Test
  @Order(2)
  void credentialPresent_passport_verifiesWithTheSdkVerifier() {
    Cli.Result r =
        asPassport(
            PIN,
            "credential",
            "present",
            "--store",
            store.toString(),
            "--disclose",
            "age_over_18,given_name",
            "--nonce",
            "n-4711",
            "--aud",
            "https://clinic.example");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    String presentation = r.out().strip();
    CredentialVerifier verifier =
        new HttpNodeSources(URI.create(url)).verifier(CredentialVerifier.Settings.defaults());

    VerificationResult ok = verifier.verify(presentation, "n-4711", "https://clinic.example");

    assertThat(ok.isValid()).as(ok.toString()).isTrue();
    assertThat(ok.claims().path("age_over_18").asBoolean()).isTrue();
    assertThat(ok.claims().path("given_name").asText()).isEqualTo("ANNA MARIA");
    assertThat(ok.claims().has("document_number")).isFalse();
    assertThat(cnf(SdJwt.parse(presentation))).isEqualTo(passportKey());
    assertThat(verifier.verify(presentation, "n-other", "https://clinic.example").failure())
        .contains(VerificationResult.Reason.NONCE_MISMATCH);
    assertThat(verifier.verify(presentation, "n-4711", "https://other.example").failure())
        .contains(VerificationResult.Reason.AUDIENCE_MISMATCH);
  }

  @Test
  @Order(3)
  void profileAndConsent_passport_listGrantListRevoke() {
    Path keys = tmp.resolve("keys");
    Cli.Result created = Cli.run("did", "create", "--node", url, "--keys-dir", keys.toString());
    Matcher m = Pattern.compile("did:mip:[A-Za-z0-9]+").matcher(created.out());
    assertThat(m.find()).as(created.toString()).isTrue();
    String clinic = m.group();
    Path clinicKey = DidKeyFile.defaultPath(keys, clinic);
    Cli.Result reg =
        Cli.run("app", "register", "--key", clinicKey.toString(), "--node", url, "--name", "Lab");
    assertThat(reg.exitCode()).as(reg.toString()).isZero();
    KeySet ck = DidKeyFile.load(clinicKey, clinic).current();
    ProfileClient lab =
        ProfileClient.connect(
            URI.create(url),
            clinic,
            ck.signing(),
            ck.agreement(),
            new NodeDidKeys(URI.create(url)));
    RecordId id =
        lab.deposit(
                did,
                "health.lab",
                "schema:lab",
                JsonNodeFactory.instance.objectNode().put("hb", "14.1 g/dL"))
            .value()
            .id();

    Cli.Result list = asPassport(PIN, "profile", "list", "--node", url);
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains(id.value()).contains("health.lab").contains("1 records");

    Cli.Result grant =
        asPassport(
            PIN,
            "consent",
            "grant",
            "--node",
            url,
            "--app",
            clinic,
            "--categories",
            "health.*",
            "--for",
            "P30D");
    assertThat(grant.exitCode()).as(grant.toString()).isZero();
    String grantId = grant.out().split("\\s+")[1].replace(":", "");
    assertThat(lab.read(id).value().isOpened()).isTrue();

    Cli.Result grants = asPassport(PIN, "consent", "list", "--node", url);
    assertThat(grants.out()).contains(grantId).contains("LIVE");
    Cli.Result revoke = asPassport(PIN, "consent", "revoke", "--node", url, "--grant=" + grantId);
    assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
    assertThat(lab.read(id).refusal().code()).isEqualTo("grant-revoked");
  }

  @Test
  @Order(4)
  void kycIssueAndPresent_wrongPin_exit13AndNoCredentialTouched() throws Exception {
    Path beside = tmp.resolve("wallets/me.kyc.sd-jwt");
    byte[] before = Files.readAllBytes(beside);
    long modified = Files.getLastModifiedTime(beside).toMillis();
    List<Path> storedBefore = storedCredentials();

    Cli.Result issue = kycIssue("000000");
    Cli.Result present =
        asPassport("000000", "credential", "present", "--nonce", "n", "--aud", "https://a.example");

    assertThat(issue.exitCode()).as(issue.toString()).isEqualTo(13);
    assertThat(present.exitCode()).as(present.toString()).isEqualTo(13);
    assertThat(present.out()).isEmpty();
    assertThat(Files.readAllBytes(beside)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(beside).toMillis()).isEqualTo(modified);
    assertThat(storedCredentials()).isEqualTo(storedBefore);
  }

  @Test
  @Order(5)
  void holderOptions_noneOrBothWays_usageErrorBeforeAnyUnlock() {
    Cli.Result neither = Cli.run("profile", "list", "--node", url);
    Cli.Result both =
        asPassport(
            PIN, "profile", "list", "--node", url, "--key", tmp.resolve("k.json").toString());
    Cli.Result faceAlone =
        run(
            PIN + "\n",
            "consent",
            "list",
            "--node",
            url,
            "--did",
            did,
            "--face",
            face("deepface/img5.jpg"),
            "--pin-stdin");

    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("--passport FILE");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(faceAlone.exitCode()).isEqualTo(2);
    assertThat(faceAlone.err()).contains("go with --passport");
  }

  @Test
  @Order(6)
  void holderOptions_onePhoto_warnsLikeUnlock() {
    Cli.Result r =
        run(
            "000000\n",
            "consent",
            "list",
            "--node",
            url,
            "--passport",
            wallet.toString(),
            "--face",
            face("deepface/img5.jpg"),
            "--pin-stdin");

    assertThat(r.err()).contains("one photo unlocks less often than two");
    // one photo recovers the face key 97.7 % of the time: a wrong PIN (13), rarely the face (12)
    assertThat(r.exitCode()).as(r.toString()).isIn(12, 13);
  }

  private static List<Path> storedCredentials() throws Exception {
    try (Stream<Path> s = Files.list(store)) {
      return s.sorted().toList();
    }
  }

  private Ed25519PublicKey passportKey() {
    var doc = new DidMipResolver(node.ledger()).resolve(did).didDocument().orElseThrow();
    return doc.methodsFor(VerificationRelationship.AUTHENTICATION)
        .get(0)
        .ed25519Key()
        .orElseThrow();
  }

  private static Ed25519PublicKey cnf(SdJwt credential) {
    try {
      String payload = credential.issuerSignedJwt().split("\\.")[1];
      JsonNode json =
          Operation.json().readTree(new String(Base64Url.decode(payload), StandardCharsets.UTF_8));
      return HolderKeys.ed25519(json.path("cnf").path("jwk")).orElseThrow();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
