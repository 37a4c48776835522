package io.mip.credential.kyc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import io.mip.credential.internal.Json;
import io.mip.credential.kyc.FaceCheck.FaceVerdict;
import io.mip.credential.kyc.KycResult.Reason;
import io.mip.credential.mrz.Mrz;
import io.mip.credential.mrz.MrzParser;
import io.mip.credential.mrz.MrzResult;
import io.mip.credential.sdjwt.Ed25519JwsVerifier;
import io.mip.credential.sdjwt.HolderKeys;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.credential.sdjwt.SdJwtIssuer;
import io.mip.credential.status.StatusListIssuer;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.did.DidResolver;
import io.mip.did.DidUrl;
import io.mip.did.KeyResolution;
import io.mip.did.ResolutionOptions;
import io.mip.did.VerificationRelationship;
import io.mip.ledger.Admission;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The KYC issuance service: challenge, proof of DID control, MRZ (ICAO 9303), liveness and face
 * match, then an SD-JWT VC of type {@value KycCredential#VCT} bound to the holder's DID key, with a
 * freshly allocated status list index.
 *
 * <p>Privacy: the images are only held in memory for the face check and then overwritten with
 * zeros; nothing is written to disk or logged (this class logs nothing). Challenges live in memory
 * only, are single-use and bounded in number. Thread-safe.
 */
public final class KycIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Settings.
   *
   * @param validity credential lifetime (capped at the document's expiry)
   * @param challengeTtl how long a challenge nonce is accepted
   * @param statusBaseUrl base URL of a node serving {@code /status-lists/...}
   * @param clockSkew tolerance for the proof's {@code iat}
   */
  public record Settings(
      Duration validity, Duration challengeTtl, String statusBaseUrl, Duration clockSkew) {
    /** Validates the fields. */
    public Settings {
      Objects.requireNonNull(validity, "validity");
      Objects.requireNonNull(challengeTtl, "challengeTtl");
      Objects.requireNonNull(statusBaseUrl, "statusBaseUrl");
      Objects.requireNonNull(clockSkew, "clockSkew");
    }

    /** One year validity, 5-minute challenges, 60 s skew. */
    public static Settings defaults(String statusBaseUrl) {
      return new Settings(
          Duration.ofDays(365), Duration.ofMinutes(5), statusBaseUrl, Duration.ofSeconds(60));
    }
  }

  private final String issuerDid;
  private final SdJwtIssuer sdJwtIssuer;
  private final DidResolver resolver;
  private final FaceCheck faces;
  private final StatusListIssuer statusList;
  private final Settings settings;
  private final Clock clock;
  private final ChallengeStore challenges;

  /**
   * @param issuerKid the DID URL of the issuer's signing key ({@code did:mip:...#key-1})
   * @param issuerKey the issuer's signing key
   * @param resolver resolves holder DIDs
   * @param faces the face check
   * @param statusList the issuer's status list
   * @param settings settings
   * @param clock the clock
   */
  public KycIssuer(
      String issuerKid,
      Ed25519PrivateKey issuerKey,
      DidResolver resolver,
      FaceCheck faces,
      StatusListIssuer statusList,
      Settings settings,
      Clock clock) {
    this.issuerDid = DidUrl.parse(issuerKid).did().toString();
    this.sdJwtIssuer = new SdJwtIssuer(issuerKey.signer(), issuerKid, SdJwtIssuer.SD_JWT_VC_TYPE);
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.faces = Objects.requireNonNull(faces, "faces");
    this.statusList = Objects.requireNonNull(statusList, "statusList");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.challenges = new ChallengeStore(10_000);
  }

  /** Returns the issuer's DID. */
  public String issuerDid() {
    return issuerDid;
  }

  /** Issues a fresh single-use challenge. */
  public Challenge challenge() {
    byte[] n = new byte[16];
    RANDOM.nextBytes(n);
    Challenge c =
        new Challenge(
            Base64Url.encode(n), issuerDid, clock.instant().plus(settings.challengeTtl()));
    challenges.put(c.nonce(), c.expiresAt(), clock.instant());
    return c;
  }

  /** Runs every check and issues the credential, or says which check failed. */
  public KycResult issue(KycRequest request) {
    try {
      return run(request);
    } finally {
      Arrays.fill(request.selfie(), (byte) 0);
      Arrays.fill(request.documentPhoto(), (byte) 0);
    }
  }

  private KycResult run(KycRequest request) {
    Instant now = clock.instant();
    ProofOutcome proof = checkProof(request.proof(), now);
    if (proof.refusal != null) {
      return proof.refusal;
    }
    MrzResult mrz = MrzParser.parse(request.mrz(), LocalDate.ofInstant(now, ZoneOffset.UTC));
    if (!mrz.isValid()) {
      return KycResult.refused(Reason.BAD_MRZ, mrz.reason() + ": " + mrz.detail());
    }
    FaceVerdict face = faces.check(request.selfie(), request.documentPhoto());
    switch (face.outcome()) {
      case MATCH -> {}
      case BAD_IMAGE -> {
        return KycResult.refused(Reason.BAD_IMAGE, face.detail());
      }
      case NO_FACE -> {
        return KycResult.refused(Reason.NO_FACE, face.detail());
      }
      case LIVENESS_FAILED -> {
        return KycResult.refused(Reason.LIVENESS_FAILED, face.detail());
      }
      default -> {
        return KycResult.refused(Reason.FACE_MISMATCH, face.detail());
      }
    }
    return credential(mrz.mrz(), proof.holderKey, now);
  }

  private KycResult credential(Mrz mrz, Ed25519PublicKey holderKey, Instant now) {
    int index;
    try {
      Admission created = statusList.ensureCreated();
      if (created != null && !created.admitted()) {
        return KycResult.refused(Reason.ISSUER_UNAVAILABLE, "status list not created");
      }
      index = statusList.allocate();
    } catch (IllegalStateException e) {
      return KycResult.refused(Reason.ISSUER_UNAVAILABLE, e.getMessage());
    }
    Instant exp = now.plus(settings.validity());
    Instant docExpiry = mrz.expiryDate().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    if (docExpiry.isBefore(exp)) {
      exp = docExpiry;
    }
    ObjectNode visible = JsonNodeFactory.instance.objectNode();
    visible.put("iss", issuerDid);
    visible.put("iat", now.getEpochSecond());
    visible.put("exp", exp.getEpochSecond());
    visible.put("vct", KycCredential.VCT);
    visible.set("cnf", HolderKeys.cnf(holderKey));
    ObjectNode statusList = visible.putObject("status").putObject("status_list");
    statusList.put("idx", index);
    statusList.put("uri", this.statusList.id().uri(settings.statusBaseUrl()));
    SdJwt credential = sdJwtIssuer.issue(visible, KycCredential.claims(mrz, now), 2);
    return KycResult.issued(credential, index);
  }

  private record ProofOutcome(Ed25519PublicKey holderKey, KycResult refusal) {}

  private ProofOutcome checkProof(String proof, Instant now) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(proof);
    } catch (ParseException e) {
      return badProof("proof is not a JWS");
    }
    if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())
        || jws.getHeader().getType() == null
        || !HolderProof.TYPE.equals(jws.getHeader().getType().getType())
        || jws.getHeader().getKeyID() == null) {
      return badProof("proof must be EdDSA, typ " + HolderProof.TYPE + ", with kid");
    }
    KeyResolution key =
        resolver.resolveVerificationKey(
            jws.getHeader().getKeyID(),
            VerificationRelationship.AUTHENTICATION,
            ResolutionOptions.latest());
    if (!key.isFound()) {
      return badProof("holder key not resolved: " + key.failure().orElseThrow());
    }
    try {
      if (!jws.verify(new Ed25519JwsVerifier(key.key().orElseThrow()))) {
        return badProof("proof signature does not verify with the holder's DID key");
      }
    } catch (JOSEException e) {
      return badProof("proof signature does not verify");
    }
    JsonNode p;
    try {
      p = Json.parse(jws.getPayload().toBytes());
    } catch (IllegalArgumentException e) {
      return badProof("proof payload is not JSON");
    }
    if (!issuerDid.equals(p.path("aud").asText(null))) {
      return badProof("proof is for another issuer");
    }
    long iat = p.path("iat").asLong(Long.MIN_VALUE);
    long skew = settings.clockSkew().getSeconds();
    if (iat > now.getEpochSecond() + skew
        || iat < now.getEpochSecond() - settings.challengeTtl().getSeconds() - skew) {
      return badProof("proof iat outside the challenge window");
    }
    if (!challenges.consume(p.path("nonce").asText(""), now)) {
      return new ProofOutcome(
          null, KycResult.refused(Reason.CHALLENGE_EXPIRED, "nonce expired, used or unknown"));
    }
    return new ProofOutcome(key.key().orElseThrow(), null);
  }

  private static ProofOutcome badProof(String detail) {
    return new ProofOutcome(null, KycResult.refused(Reason.BAD_PROOF, detail));
  }
}
