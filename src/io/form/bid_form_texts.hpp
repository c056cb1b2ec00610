#pragma once
/// The words on the bid form, in English and (when the tender has Russian texts) Russian. Kept
/// apart from the layout code so that wording can be reviewed, and later translated, in one place.
#include <string>
#include <vector>

#include "core/criteria.hpp"

namespace tl::io::form {

/// True when the tender speaks Russian too: it has a Russian title or a field with a Russian name.
bool tender_has_russian(const CriteriaSet& rules);

/// English, or English and Russian on two lines.
std::string both(const std::string& en, const std::string& ru, bool russian);

/// Column headers of the answer table, in column order (kColId .. kColAnswer).
std::vector<std::string> column_headers(bool russian);

/// What the "Unit / format" column says for a field: `RUB`, `%`, `yes / no`, `A / B / C`,
/// `YYYY-MM-DD`, then the declared range on a second line (`0 – 10 000 000`).
std::string unit_text(const FieldDecl& f, bool russian);

/// The prompt of the input cell's data validation (at most 255 bytes, as Excel allows):
/// "A number in RUB, from 0 to 10 000 000."
std::string input_message(const FieldDecl& f, bool russian);

/// "required" / "optional" (with Russian).
std::string required_text(bool optional, bool russian);

/// The field's name, with its Russian name on a second line when it has one.
std::string item_text(const FieldDecl& f);

/// The description column: the description, if any.
std::string description_text(const FieldDecl& f);

/// One paragraph of the instructions sheet.
struct Paragraph {
    enum class Style { Title, Subtitle, Heading, Text, Small } style = Style::Text;
    std::string text;
};

/// The instructions sheet, top to bottom. `lot` is the lot the form is for ("" for any lot).
std::vector<Paragraph> instructions(const CriteriaSet& rules, const std::string& lot, bool russian);

/// `12000000` -> `12 000 000` (for people; never read back).
std::string grouped_number(double v);

/// `text` cut to at most `max_bytes` bytes at a code-point boundary, with "…" when cut: Excel
/// limits data-validation titles (32) and messages (255), and libxlsxwriter refuses longer ones.
std::string fit_bytes(const std::string& text, std::size_t max_bytes);

/// The longest text a text answer may have (the data validation's limit).
inline constexpr int kMaxTextAnswer = 4000;

}  // namespace tl::io::form
