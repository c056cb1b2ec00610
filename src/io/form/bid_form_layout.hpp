#pragma once
/// Where things are on the bid form: shared by the writer (bid_form.cpp) and the reader
/// (bid_form_import.cpp), so that the two cannot drift apart.
///
/// The sheet "Bid" has one row per answer. Column H, hidden and protected, carries what a program
/// needs: H1 a marker naming the form's format, H2 the tender reference, H3 the lot the form was
/// made for (if any), and on each answer row a key: `bidder`, `lot`, `submitted`, or
/// `field:ID:SIGNATURE` where SIGNATURE is the field's type as the form asked for it. The reader
/// finds rows by these keys, not by position, and refuses a form whose fields differ from the
/// rules it is read with.
#include <string>

#include "core/field.hpp"

namespace tl::io::form {

inline constexpr const char* kInstructionsSheet = "Instructions";
inline constexpr const char* kFormSheet = "Bid";
inline constexpr const char* kListsSheet = "Lists";  ///< hidden; only for lists too long to write inline

/// Marker in H1; the number changes when the layout does.
inline constexpr const char* kMarker = "tenderloop-bid-form 1";

// 0-based columns (libxlsxwriter); the reader adds 1.
inline constexpr int kColId = 0, kColItem = 1, kColDescription = 2, kColUnit = 3, kColEvidence = 4,
                     kColRequired = 5, kColAnswer = 6, kColKey = 7;
// 0-based rows of the machine cells in column H.
inline constexpr int kRowMarker = 0, kRowReference = 1, kRowLot = 2;

inline constexpr const char* kKeyBidder = "bidder";
inline constexpr const char* kKeyLot = "lot";
inline constexpr const char* kKeySubmitted = "submitted";
inline constexpr const char* kFieldKeyPrefix = "field:";

/// The type as the form asks for it: `money(RUB)`, `percent`, `quantity(kWh)`, `enum(A,B,C)`,
/// `yesno`, `date`, `text`, `number`. Two fields with the same signature accept the same answers.
std::string field_signature(const FieldDecl& f);

/// `field:ID:SIGNATURE`.
std::string field_key(const FieldDecl& f);

/// The font of the whole form. Arial rather than Excel's default Calibri: it is on every Windows
/// and Mac, and LibreOffice substitutes a font with the same widths (Liberation Sans, Nimbus
/// Sans), so the row heights estimated below fit wherever the form is opened.
inline constexpr const char* kFont = "Arial";
inline constexpr double kFontSize = 10;
/// Height in points of one line of kFontSize text (what Excel uses for Arial 10).
inline constexpr double kLineHeight = 12.75;

/// How many lines `text` takes in a column `width` characters wide (Excel's column width unit)
/// when wrapped at spaces; `boldness` > 1 for wider (bold) text. Spreadsheet programs do not all
/// grow rows to fit wrapped text (LibreOffice does not for .xlsx rows), so the form sets each row's
/// height itself, from this estimate, which errs on the side of an extra line.
int wrapped_lines(const std::string& text, double width, double boldness = 1.0);

/// Excel's day number (1900 date system) of 1970-01-01: serial = days since 1970 + this.
inline constexpr int kExcelEpochOffset = 25569;
/// The same for workbooks in the 1904 date system.
inline constexpr int kExcel1904EpochOffset = 24107;

}  // namespace tl::io::form
