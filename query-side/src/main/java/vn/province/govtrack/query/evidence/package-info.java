/**
 * Evidence for auditors that the event log is complete and unaltered: its verification by the hash
 * chain and the signed checkpoints, the checkpoints with the public key they verify under, and exports
 * of the log or of one stream that verify offline (docs/adr/0010-tamper-evident-log.md). The history
 * itself, streams, states and the global log, is read in {@code query.history}.
 */
package vn.province.govtrack.query.evidence;
