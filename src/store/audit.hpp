#pragma once
/// The audit log's hash chain: how an entry is serialised for hashing. Every change to a project
/// appends one entry (Project's changing methods do it in the change's own transaction); the
/// chain makes any edit or deletion of an entry visible, and the state hash in each entry makes
/// an edit of the data visible. A chain can be recomputed by whoever holds the file, so the head
/// is printed on every export and `verify_audit(head)` proves the log still extends it.
#include <string>

#include "store/types.hpp"

namespace tl::store {

/// The `prev_hash` of the first entry: 64 zeros.
extern const char* const kGenesisHash;

/// The bytes an entry's hash is taken over: a format line, then every field but `hash` as
/// `<byte length>:<bytes>\n`, in the order seq, at, user, action, reason, details, prev_hash and
/// (format 2, when `state_hash` is set) state_hash. Length prefixes make it unambiguous.
std::string canonical_audit_entry(const AuditEntry& entry);

/// SHA-256 (lower-case hex) of canonical_audit_entry(entry).
std::string audit_entry_hash(const AuditEntry& entry);

}  // namespace tl::store
