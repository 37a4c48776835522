package io.mip.ledger.evm.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * The JSON-RPC calls the EVM ledger makes, over web3j's HTTP transport with OkHttp limits raised
 * (its default of 5 requests per host caps pipelining). Every call throws {@link IOException}:
 * {@link RpcException} when the node answered with an error, another IOException when it could not
 * be reached.
 */
public final class Rpc implements AutoCloseable {
  /** Concurrent requests allowed to the node (OkHttp's default is 5 per host). */
  static final int MAX_REQUESTS = 64;

  private final Web3j web3j;
  private final HttpService service;

  /** Connects (lazily) to the node at {@code url}. */
  public Rpc(URI url) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS);
    OkHttpClient client =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(MAX_REQUESTS, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .build();
    this.service = new HttpService(url.toString(), client);
    this.web3j = Web3j.build(service);
  }

  private static <T extends Response<?>> T call(Request<?, T> request) throws IOException {
    T response;
    try {
      response = request.send();
    } catch (ClientConnectionException e) {
      throw new IOException(request.getMethod() + ": " + e.getMessage(), e);
    }
    if (response == null) {
      throw new IOException(request.getMethod() + ": empty response");
    }
    if (response.hasError()) {
      Response.Error err = response.getError();
      throw new RpcException(request.getMethod(), err.getCode(), err.getMessage(), err.getData());
    }
    return response;
  }

  /** eth_chainId. */
  public long chainId() throws IOException {
    return call(web3j.ethChainId()).getChainId().longValueExact();
  }

  /** eth_blockNumber. */
  public long blockNumber() throws IOException {
    return call(web3j.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  /** eth_getCode at latest; "0x" when no contract is there. */
  public String code(String address) throws IOException {
    return call(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)).getCode();
  }

  /** eth_getTransactionCount at the pending or latest block. */
  public long nonce(String address, boolean pending) throws IOException {
    DefaultBlockParameterName at =
        pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST;
    return call(web3j.ethGetTransactionCount(address, at)).getTransactionCount().longValueExact();
  }

  /** eth_estimateGas for a call (to != null) or a contract creation (to == null). */
  public long estimateGas(String from, String to, String data) throws IOException {
    Transaction tx =
        to == null
            ? Transaction.createContractTransaction(from, null, BigInteger.ZERO, data)
            : Transaction.createFunctionCallTransaction(
                from, null, BigInteger.ZERO, null, to, data);
    return call(web3j.ethEstimateGas(tx)).getAmountUsed().longValueExact();
  }

  /** eth_call at latest; returns the hex result. */
  public String call(String from, String to, String data) throws IOException {
    Transaction tx = Transaction.createEthCallTransaction(from, to, data);
    return call(web3j.ethCall(tx, DefaultBlockParameterName.LATEST)).getValue();
  }

  /** eth_getBlockByNumber("latest") without transactions: the head block's header. */
  public EthBlock.Block latestBlock() throws IOException {
    EthBlock.Block b =
        call(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    if (b == null) {
      throw new IOException("eth_getBlockByNumber: no latest block");
    }
    return b;
  }

  /** eth_sendRawTransaction; returns the hash the node reports. */
  public String sendRaw(String signedHex) throws IOException {
    return call(web3j.ethSendRawTransaction(signedHex)).getTransactionHash();
  }

  /** eth_getTransactionReceipt; empty while the transaction is not mined. */
  public Optional<TransactionReceipt> receipt(String txHash) throws IOException {
    return call(web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
  }

  /** eth_getLogs of one contract and event topic over an inclusive block range. */
  public List<Log> logs(String address, String topic0, long from, long to) throws IOException {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(to)),
            address);
    filter.addSingleTopic(topic0);
    List<Log> out = new ArrayList<>();
    for (EthLog.LogResult<?> r : call(web3j.ethGetLogs(filter)).getLogs()) {
      if (!(r.get() instanceof Log log)) {
        throw new IOException("eth_getLogs returned a non-log entry");
      }
      out.add(log);
    }
    return out;
  }

  /**
   * eth_getBlockByNumber (without transactions) for several blocks in one batch request; the answer
   * maps each requested number to its block.
   */
  public Map<Long, EthBlock.Block> blocks(List<Long> numbers) throws IOException {
    if (numbers.isEmpty()) {
      return Map.of();
    }
    return blocksAndCall(numbers, null, null, 0).blocks();
  }

  /**
   * Blocks and a view call in one answer.
   *
   * @param blocks each requested block by number
   * @param call the view's hex result; empty when the node answered the call with an error (for
   *     example because it no longer has that block's state)
   */
  public record BlocksAndCall(Map<Long, EthBlock.Block> blocks, Optional<String> call) {}

  /**
   * One batch request: eth_getBlockByNumber (without transactions) for each of {@code numbers}, and
   * eth_call of {@code data} on {@code contract} at block {@code atBlock} (skipped when {@code
   * contract} is null).
   */
  public BlocksAndCall blocksAndCall(List<Long> numbers, String contract, String data, long atBlock)
      throws IOException {
    BatchRequest batch = web3j.newBatch();
    if (contract != null) {
      batch.add(
          web3j.ethCall(
              Transaction.createEthCallTransaction(contract, contract, data),
              DefaultBlockParameter.valueOf(BigInteger.valueOf(atBlock))));
    }
    for (long n : numbers) {
      batch.add(
          web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
    }
    BatchResponse response;
    try {
      response = batch.send();
    } catch (ClientConnectionException e) {
      throw new IOException("eth_getBlockByNumber: " + e.getMessage(), e);
    }
    Map<Long, EthBlock.Block> out = new HashMap<>();
    Optional<String> call = Optional.empty();
    for (Response<?> r : response.getResponses()) {
      if (r instanceof EthCall c) {
        call = c.hasError() ? Optional.empty() : Optional.ofNullable(c.getValue());
        continue;
      }
      if (r.hasError()) {
        Response.Error err = r.getError();
        throw new RpcException(
            "eth_getBlockByNumber", err.getCode(), err.getMessage(), err.getData());
      }
      if (!(r instanceof EthBlock eb) || eb.getBlock() == null) {
        throw new IOException("eth_getBlockByNumber: block missing from the node's answer");
      }
      out.put(eb.getBlock().getNumber().longValueExact(), eb.getBlock());
    }
    if (!out.keySet().containsAll(numbers)) {
      throw new IOException("eth_getBlockByNumber: a requested block is missing from the answer");
    }
    return new BlocksAndCall(out, call);
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
