// Compiles MipLedger.sol with solc-js through standard JSON input and writes the ABI and the
// creation bytecode into the output directory given as the first argument.
// Usage: node compile-contract.js <solc module dir> <source.sol> <out dir>
"use strict";
const fs = require("fs");
const path = require("path");

const [solcDir, sourcePath, outDir] = process.argv.slice(2);
if (!solcDir || !sourcePath || !outDir) {
  console.error("usage: node compile-contract.js <solc dir> <source.sol> <out dir>");
  process.exit(2);
}
const solc = require(path.resolve(solcDir));
const input = {
  language: "Solidity",
  sources: { "MipLedger.sol": { content: fs.readFileSync(sourcePath, "utf8") } },
  settings: {
    // Paris: no PUSH0 or MCOPY, so the bytecode runs on any post-merge EVM chain and on Besu
    // networks whose genesis stops at London or Berlin-era milestones with QBFT.
    evmVersion: "paris",
    optimizer: { enabled: true, runs: 200 },
    metadata: { bytecodeHash: "none" },
    outputSelection: { "MipLedger.sol": { MipLedger: ["abi", "evm.bytecode.object"] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter((e) => e.severity === "error");
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
const contract = output.contracts["MipLedger.sol"].MipLedger;
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "MipLedger.abi.json"), JSON.stringify(contract.abi, null, 2) + "\n");
fs.writeFileSync(path.join(outDir, "MipLedger.bin"), contract.evm.bytecode.object + "\n");
fs.writeFileSync(path.join(outDir, "MipLedger.solc-version"), solc.version() + "\n");
