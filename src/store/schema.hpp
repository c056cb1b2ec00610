#pragma once
// Internal to tl_store: the tables of the current format, and the migrations from older ones.
#include <vector>

#include "core/message.hpp"
#include "store/sqlite.hpp"

namespace tl::store {

/// Creates every table, index and trigger of format kFormatVersion in an empty database (inside
/// the caller's transaction) and sets application_id and user_version.
void create_schema(sql::Db& db);

/// Brings the tables of format `from` to the current format (inside the caller's transaction),
/// user_version included. Only called for 1 <= from < kFormatVersion.
void migrate_schema(sql::Db& db, int from);

/// How the tables, indexes, triggers and views of `db` differ from what a project file of format
/// `version` holds (created by that format or migrated to it): every object TenderLoop does not
/// create, every one altered, every one missing. Empty: the schema is TenderLoop's own. A file
/// from someone else may carry a trigger that rewrites a value as TenderLoop writes it; such a
/// file is not written to (store/project.cpp).
std::vector<Message> schema_differences(sql::Db& db, int version);

/// The names of the triggers that keep the audit log append-only.
extern const char* const kAuditGuardTriggers[2];

}  // namespace tl::store
