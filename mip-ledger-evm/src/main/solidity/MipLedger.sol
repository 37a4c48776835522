// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title MIP consortium ledger
/// @notice An append-only log of MIP operations. The contract orders and timestamps opaque
/// operation bytes; it does not interpret them. Readers replay the Appended events in
/// (block, log index) order and verify every operation in Java (signature, prev == stream head,
/// domain policies), dropping what does not verify, exactly as the embedded backend does.
/// Only accounts the admin allowed may append. No token, nothing payable.
contract MipLedger {
    /// Largest operation accepted, in bytes (MIP's Operation.MAX_BYTES).
    uint256 public constant MAX_OP_BYTES = 65536;
    /// Most operations in one transaction.
    uint256 public constant MAX_OPS_PER_CALL = 512;

    /// The account that allows and removes writers.
    address public admin;
    /// The account named by transferAdmin, until it accepts.
    address public pendingAdmin;
    /// The number of operations appended so far (the last Appended seq).
    uint256 public sequence;
    /// Accounts allowed to append.
    mapping(address => bool) public writers;

    /// One per appended operation; seq starts at 1 and has no gaps.
    event Appended(bytes32 indexed stream, uint256 indexed seq, bytes op);
    event WriterSet(address indexed writer, bool allowed);
    event AdminTransferStarted(address indexed admin, address indexed pendingAdmin);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);

    error NotAdmin();
    error NotPendingAdmin();
    error NotWriter();
    error ZeroAddress();
    error EmptyBatch();
    error TooManyOperations();
    error LengthMismatch();
    error OperationTooLarge(uint256 index);

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin();
        _;
    }

    modifier onlyWriter() {
        if (!writers[msg.sender]) revert NotWriter();
        _;
    }

    constructor() {
        admin = msg.sender;
        emit AdminTransferred(address(0), msg.sender);
    }

    /// Allows or removes a writer.
    function setWriter(address writer, bool allowed) external onlyAdmin {
        if (writer == address(0)) revert ZeroAddress();
        writers[writer] = allowed;
        emit WriterSet(writer, allowed);
    }

    /// First step of handing over the admin role; the new admin must call acceptAdmin.
    /// Naming address(0) cancels a pending transfer.
    function transferAdmin(address newAdmin) external onlyAdmin {
        pendingAdmin = newAdmin;
        emit AdminTransferStarted(msg.sender, newAdmin);
    }

    /// Second step: the pending admin takes the role.
    function acceptAdmin() external {
        if (msg.sender != pendingAdmin || msg.sender == address(0)) revert NotPendingAdmin();
        emit AdminTransferred(admin, msg.sender);
        admin = msg.sender;
        pendingAdmin = address(0);
    }

    /// Appends operations of one stream, in order.
    function append(bytes32 stream, bytes[] calldata ops) external onlyWriter {
        uint256 n = ops.length;
        if (n == 0) revert EmptyBatch();
        if (n > MAX_OPS_PER_CALL) revert TooManyOperations();
        uint256 seq = sequence;
        for (uint256 i = 0; i < n; i++) {
            if (ops[i].length > MAX_OP_BYTES) revert OperationTooLarge(i);
            unchecked {
                seq++;
            }
            emit Appended(stream, seq, ops[i]);
        }
        sequence = seq;
    }

    /// Appends operations of several streams, in order; streams[i] is the stream of ops[i].
    function appendBatch(bytes32[] calldata streams, bytes[] calldata ops) external onlyWriter {
        uint256 n = ops.length;
        if (n == 0) revert EmptyBatch();
        if (n > MAX_OPS_PER_CALL) revert TooManyOperations();
        if (streams.length != n) revert LengthMismatch();
        uint256 seq = sequence;
        for (uint256 i = 0; i < n; i++) {
            if (ops[i].length > MAX_OP_BYTES) revert OperationTooLarge(i);
            unchecked {
                seq++;
            }
            emit Appended(streams[i], seq, ops[i]);
        }
        sequence = seq;
    }
}
