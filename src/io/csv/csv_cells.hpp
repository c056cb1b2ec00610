#pragma once
/// Writing CSV cells that spreadsheets open safely, and reading back what that writing adds.
/// Shared by every CSV TenderLoop writes (`evaluate --format csv`, `import-form`) and by the bids
/// reader, so that the guard against formula injection is one rule in one place.
#include <string>

namespace tl::io {

/// One CSV cell of text from outside (bidder names, free-text answers): text starting with = + -
/// @ tab or CR gets a leading apostrophe, so that a spreadsheet does not run it as a formula (CSV
/// injection); cells with , " CR or LF are quoted (RFC 4180).
std::string csv_text_cell(const std::string& text);

/// One CSV cell that TenderLoop itself produced (a number, an ISO date, an enum member): quoted
/// when needed but never given an apostrophe, because `-5` is a number, not a formula.
std::string csv_plain_cell(const std::string& text);

/// The cell text without the apostrophe csv_text_cell adds: `'=SUM(A1)` reads back as `=SUM(A1)`,
/// so that a bidder name survives a round trip through TenderLoop's own CSV. Any other text
/// (including a lone leading apostrophe before a letter) is returned unchanged.
std::string csv_text_unguard(const std::string& cell);

}  // namespace tl::io
