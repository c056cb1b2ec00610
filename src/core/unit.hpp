#pragma once
/// Physical and money units of values in rules and bids, so that `price + mass` is caught when the
/// rules are checked, not in front of a committee.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tl {

/// A product of unit atoms with integer exponents (`RUB/kWh` is {RUB:1, kWh:-1}), plus a percent
/// mark. A percent is dimensionless in arithmetic (40 % is 0.4), but remembered so that
/// comparing a percent with a bare number can be reported.
struct Unit {
    std::map<std::string, int> atoms;
    bool percent = false;

    static Unit plain() { return {}; }
    static Unit percent_unit() { Unit u; u.percent = true; return u; }
    static Unit atom(const std::string& name) { Unit u; u.atoms[name] = 1; return u; }

    bool dimensionless() const { return atoms.empty(); }
    /// Same dimension (percent and plain count as the same dimension).
    bool same_dimension(const Unit& o) const { return atoms == o.atoms; }
    bool operator==(const Unit& o) const { return atoms == o.atoms && percent == o.percent; }
    bool operator!=(const Unit& o) const { return !(*this == o); }

    Unit times(const Unit& o) const;
    Unit divided_by(const Unit& o) const;
    /// Human form: `RUB`, `g/km`, `RUB/kWh`, `%`, or "" for a plain number.
    std::string to_string() const;
};

/// The unit atoms the language knows, for the parser's table.
std::vector<std::string> known_unit_atoms();
/// The currency codes the language knows.
std::vector<std::string> known_currencies();

/// True for the unit atoms the language knows (`kg`, `kWh`, `years`...); currencies are separate.
bool is_known_unit_atom(const std::string& atom);
/// True for an ISO 4217 currency code the language knows (`RUB`, `EUR`...).
bool is_known_currency(const std::string& code);
/// Parses `g/km`, `RUB/kWh`, `kg*km`, `%`; nullopt with the unknown atom in `bad_atom`.
std::optional<Unit> parse_unit(const std::string& text, std::string* bad_atom = nullptr);

}  // namespace tl
