package io.mip.ledger.embedded.internal;

import io.mip.crypto.Ed25519PublicKey;
import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.Map;

/**
 * What the writer needs to continue a verified chain.
 *
 * @param height the newest block's height
 * @param size the number of operations (the highest sequence)
 * @param lastHash the newest block's hash
 * @param lastTime the newest block's time
 * @param node the node key recorded in genesis
 * @param governance the governance key recorded in genesis
 * @param heads each stream's last operation id
 */
public record ChainState(
    long height,
    long size,
    String lastHash,
    Instant lastTime,
    Ed25519PublicKey node,
    Ed25519PublicKey governance,
    Map<String, OperationId> heads) {}
