#pragma once
/// What each bid must state: the declared fields of a tender.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/unit.hpp"

namespace tl {

enum class FieldType { Money, Percent, Number, Quantity, YesNo, Enum, Text, Date };

/// The rule-language spelling of a field type (`money`, `percent`, ...).
const char* field_type_name(FieldType t);

/// One declared field. Values of all non-text fields are held as doubles in a BidTable:
/// money/number/quantity as themselves, percent as a fraction (40 % -> 0.4), yes/no as 1/0,
/// enum as the member's index, date as days since 1970-01-01.
struct FieldDecl {
    std::string id;
    FieldType type = FieldType::Number;
    Unit unit;                         ///< currency for money, `%` for percent, the quantity's unit
    std::vector<std::string> members;  ///< enum members, in declared order
    std::string name, name_ru, description, evidence;
    bool optional = false;
    /// Not stated by the bidder: the evaluation committee's consensus score of a committee
    /// criterion (`committee: 0 .. 5`), on the committee's scale; id == the criterion's id.
    /// Optional in bids files; a project fills it from the recorded consensus.
    bool committee = false;
    std::optional<double> range_lo, range_hi;  ///< in the field's own units (percent as fraction)
    SourcePos pos;

    const std::string& display_name() const { return name.empty() ? id : name; }
    /// Index of an enum member, matched exactly first and then ignoring ASCII case.
    std::optional<int> member_index(const std::string& text) const;
};

/// Formats a field value for people: `12000000 RUB`, `40 %`, `yes`, `B`, `2027-03-01`.
std::string format_field_value(const FieldDecl& f, double value);

/// Days since 1970-01-01 of a valid ISO date `YYYY-MM-DD`, or nullopt.
std::optional<int> parse_iso_date(const std::string& text);
/// `YYYY-MM-DD` of a day number.
std::string format_iso_date(int days);

}  // namespace tl
