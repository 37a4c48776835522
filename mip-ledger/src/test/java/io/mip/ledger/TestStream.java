package io.mip.ledger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import io.mip.crypto.Ed25519PrivateKey;
import java.util.UUID;

/**
 * A test stream author: signs the next operation of one stream, chaining each to the one signed
 * before it (whether or not that was admitted). Shared with other backends' conformance tests.
 */
public final class TestStream {
  private final Ed25519PrivateKey key;
  private final String id;
  private OperationId head;
  private int counter;

  private TestStream(Ed25519PrivateKey key, String id) {
    this.key = key;
    this.id = id;
  }

  /** A new stream with a fresh key and a random DID-like id. */
  public static TestStream create() {
    return new TestStream(Ed25519PrivateKey.generate(), "did:mip:test-" + UUID.randomUUID());
  }

  /** A new stream named {@code id} with a fresh key. */
  public static TestStream named(String id) {
    return new TestStream(Ed25519PrivateKey.generate(), id);
  }

  /** The stream id. */
  public String id() {
    return id;
  }

  /** The key that signs this stream's operations. */
  public Ed25519PrivateKey key() {
    return key;
  }

  /** Signs the next operation ({@code test.op}) chained to the previous one signed here. */
  public Operation next() {
    return next("test.op");
  }

  /** Signs the next operation of {@code type}, chained to the previous one signed here. */
  public Operation next(String type) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("n", counter++);
    Operation op = Operation.sign(type, id, head, payload, key);
    head = op.id();
    return op;
  }

  /** Signs an operation with an explicit {@code prev}, leaving this stream's head alone. */
  public Operation withPrev(OperationId prev) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("n", counter++);
    return Operation.sign("test.op", id, prev, payload, key);
  }

  /** Returns {@code op} with its signature replaced by one over different content. */
  public static Operation withForeignSignature(Operation op, Operation other) {
    ObjectNode json = op.toJson();
    json.put("sig", other.toJson().get("sig").textValue());
    try {
      return Operation.fromJson(json);
    } catch (MalformedOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code op} signed by a key that is not its {@code signer}. */
  public static Operation signedByStranger(Operation op) {
    Ed25519PrivateKey stranger = Ed25519PrivateKey.generate();
    ObjectNode json = op.toJson();
    json.remove("sig");
    byte[] sig = stranger.signer().sign(io.mip.crypto.Jcs.canonicalize(json));
    json.put("sig", Base64Url.encode(sig));
    try {
      return Operation.fromJson(json);
    } catch (MalformedOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
