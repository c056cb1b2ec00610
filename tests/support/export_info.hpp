#pragma once
// The workbook's Audit information as the workbook tests give it: fixed, so that exports are
// byte-for-byte reproducible and golden texts stay stable.
#include <string>

#include "io/workbook/evaluation_workbook.hpp"

namespace tl::test {

/// A fixed tool version, export time and file hashes for a test export.
inline io::ExportInfo test_export_info() {
    io::ExportInfo i;
    i.tool_version = "test";
    i.exported_at = "2026-11-29T00:00:00Z";
    i.rules = {"rules.crit", std::string(64, '0')};
    i.bids = {"bids.csv", std::string(64, '1')};
    return i;
}

}  // namespace tl::test
