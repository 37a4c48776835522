package io.mip.credential.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.mip.credential.internal.Json;
import io.mip.credential.status.StatusList;
import io.mip.credential.status.StatusListId;
import io.mip.credential.status.TokenStatus;
import io.mip.crypto.Ed25519PrivateKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with an independent implementation: npm {@code @sd-jwt/sd-jwt-vc} (OpenWallet Foundation)
 * is installed into a temporary folder; a Node script verifies a credential and a presentation made
 * by MIP (and decodes MIP's status list), then issues and presents one that MIP verifies. Skipped
 * when npm or node is missing or the registry cannot be reached.
 */
@Tag("slow")
class SdJwtInteropTest {
  static final String VERSION = "0.19.0";

  @TempDir Path dir;

  static String run(Path workDir, Map<String, String> env, String... cmd)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().putAll(env);
    pb.redirectError(workDir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return null;
    }
    return p.exitValue() == 0 ? out : null;
  }

  @Test
  void sdJwtVcLibrary_andMip_verifyEachOthersCredentialsAndPresentations() throws Exception {
    Assumptions.assumeTrue(
        run(dir, Map.of(), "npm", "--version") != null, "npm not available: interop skipped");
    String installed =
        run(
            dir,
            Map.of(),
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            dir.toString(),
            "@sd-jwt/sd-jwt-vc@" + VERSION,
            "@sd-jwt/crypto-nodejs@" + VERSION);
    Assumptions.assumeTrue(installed != null, "npm install of @sd-jwt/sd-jwt-vc failed: skipped");

    Instant now = Instant.now();
    Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate();
    Ed25519PrivateKey holderKey = Ed25519PrivateKey.generate();
    String issuerDid = "did:key:" + issuerKey.publicKey().toMultibase();
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", issuerDid);
    visible.put("iat", now.getEpochSecond());
    visible.put("exp", now.getEpochSecond() + 3600);
    visible.put("vct", "urn:mip:kyc:v1");
    visible.set("cnf", HolderKeys.cnf(holderKey.publicKey()));
    ObjectNode sl = visible.putObject("status").putObject("status_list");
    sl.put("idx", 5);
    sl.put("uri", new StatusListId(issuerDid, "kyc-1").uri("http://127.0.0.1:8080"));
    Map<String, JsonNode> claims = new LinkedHashMap<>();
    claims.put("given_name", TextNode.valueOf("ANNA MARIA"));
    claims.put("family_name", TextNode.valueOf("ERIKSSON"));
    claims.put("birthdate", TextNode.valueOf("1974-08-12"));
    claims.put("age_over_18", BooleanNode.TRUE);
    SdJwt credential =
        new SdJwtIssuer(
                issuerKey.signer(),
                issuerDid + "#" + issuerKey.publicKey().toMultibase(),
                SdJwtIssuer.SD_JWT_VC_TYPE)
            .issue(visible, claims, 2);
    String presentation =
        SdJwt.present(
                credential,
                Set.of("given_name", "age_over_18"),
                holderKey.signer(),
                "nonce-123",
                "https://verifier.example",
                now)
            .serialize();
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.set("issuerJwk", HolderKeys.jwk(issuerKey.publicKey()));
    input.put("credential", credential.serialize());
    input.put("presentation", presentation);
    input.put("nonce", "nonce-123");
    input.put("aud", "https://verifier.example");
    input.put("now", now.getEpochSecond());
    input.set(
        "statusList", StatusList.create(1024, 2).with(Map.of(6, TokenStatus.INVALID)).toJson());
    input.put("revokedIndex", 6);
    Files.writeString(dir.resolve("input.json"), Json.write(input));
    try (InputStream script = getClass().getResourceAsStream("/interop/sdjwt-interop.mjs")) {
      Files.write(dir.resolve("interop.mjs"), script.readAllBytes());
    }

    String out =
        run(
            dir,
            Map.of("SDJWT_MODULES", dir.resolve("node_modules").toString()),
            "node",
            "interop.mjs",
            "input.json");
    assertThat(out).as(Files.readString(dir.resolve("stderr.txt"))).isNotNull();
    JsonNode result = Json.parse(out);

    assertThat(result.at("/mipCredential/ok").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.at("/mipCredential/claims/family_name").asText()).isEqualTo("ERIKSSON");
    assertThat(result.at("/mipPresentation/ok").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.at("/mipPresentation/claims/given_name").asText()).isEqualTo("ANNA MARIA");
    assertThat(result.at("/mipPresentation/claims").has("family_name")).isFalse();
    assertThat(result.get("wrongNonceRefused").asBoolean()).isTrue();
    assertThat(result.get("statusAtRevokedIndex").asInt()).isEqualTo(1);

    JsonNode libIssuerJwk = result.get("libraryIssuerJwk");
    SdJwtVerifier mip =
        new SdJwtVerifier((h, p) -> HolderKeys.ed25519(libIssuerJwk).map(Ed25519JwsVerifier::new));
    SdJwtResult verified =
        mip.verify(
            result.get("libraryPresentation").asText(),
            SdJwtVerifierOptions.defaults()
                .withKeyBinding("nonce-123", "https://verifier.example")
                .withClock(Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(60)));
    assertThat(verified.detail()).isEqualTo("ok");
    assertThat(verified.verified().claims().get("given_name").asText()).isEqualTo("Erika");
    assertThat(verified.verified().claims().has("family_name")).isFalse();
    SdJwtResult issuedByLib =
        mip.verify(
            result.get("libraryCredential").asText(),
            SdJwtVerifierOptions.defaults()
                .withoutRequiredKeyBinding()
                .withClock(Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(60)));
    assertThat(issuedByLib.verified().claims().get("family_name").asText()).isEqualTo("Mustermann");
    assertThat(List.of(Optional.ofNullable(issuedByLib.reason())))
        .containsExactly(Optional.empty());
  }
}
