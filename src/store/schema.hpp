#pragma once
// Internal to tl_store: the tables of the current format, and the migrations from older ones.
#include "store/sqlite.hpp"

namespace tl::store {

/// Creates every table, index and trigger of format kFormatVersion in an empty database (inside
/// the caller's transaction) and sets application_id and user_version.
void create_schema(sql::Db& db);

/// Brings the tables of format `from` to the current format (inside the caller's transaction),
/// user_version included. Only called for 1 <= from < kFormatVersion.
void migrate_schema(sql::Db& db, int from);

/// The names of the triggers that keep the audit log append-only.
extern const char* const kAuditGuardTriggers[2];

}  // namespace tl::store
