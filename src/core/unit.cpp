#include "core/unit.hpp"

#include <array>
#include <iterator>
#include <string_view>

namespace tl {

namespace {
constexpr std::array<std::string_view, 27> kUnitAtoms = {
    "kg", "t", "g", "kWh", "MWh", "Wh", "km", "m", "m2", "m3", "l", "h", "hours", "days",
    "months", "years", "W", "kW", "dB", "lm", "pcs", "kgCO2e", "tCO2e", "gCO2e", "lx", "K", "cycles"};
// Every ISO 4217 currency, from Debian's iso-codes at configure time (cmake/TenderLoopCurrencies.cmake).
constexpr std::string_view kCurrencies[] = {
#include "iso4217_codes.inc"
};

void add_atoms(std::map<std::string, int>& into, const std::map<std::string, int>& from, int sign) {
    for (const auto& [name, exp] : from) {
        int& e = into[name];
        e += sign * exp;
        if (e == 0) into.erase(name);
    }
}
}  // namespace

std::vector<std::string> known_unit_atoms() { return {kUnitAtoms.begin(), kUnitAtoms.end()}; }
std::vector<std::string> known_currencies() { return {std::begin(kCurrencies), std::end(kCurrencies)}; }

bool is_known_unit_atom(const std::string& atom) {
    for (auto a : kUnitAtoms)
        if (a == atom) return true;
    return false;
}

bool is_known_currency(const std::string& code) {
    for (auto c : kCurrencies)
        if (c == code) return true;
    return false;
}

Unit Unit::times(const Unit& o) const {
    Unit r;
    r.atoms = atoms;
    add_atoms(r.atoms, o.atoms, +1);
    // percent * percent or percent * x: the percent is consumed by the multiplication.
    r.percent = false;
    return r;
}

Unit Unit::divided_by(const Unit& o) const {
    Unit r;
    r.atoms = atoms;
    add_atoms(r.atoms, o.atoms, -1);
    r.percent = false;
    return r;
}

std::string Unit::to_string() const {
    if (atoms.empty()) return percent ? "%" : "";
    std::string num, den;
    for (const auto& [name, exp] : atoms) {
        std::string& side = exp > 0 ? num : den;
        int n = exp > 0 ? exp : -exp;
        if (!side.empty()) side += "*";
        side += name;
        if (n > 1) side += "^" + std::to_string(n);
    }
    if (num.empty()) num = "1";
    return den.empty() ? num : num + "/" + den;
}

std::optional<Unit> parse_unit(const std::string& text, std::string* bad_atom) {
    if (text == "%") return Unit::percent_unit();
    Unit u;
    int sign = +1;
    std::string atom;
    auto flush = [&]() -> bool {
        if (atom.empty() || !(is_known_unit_atom(atom) || is_known_currency(atom))) {
            if (bad_atom) *bad_atom = atom;
            return false;
        }
        add_atoms(u.atoms, {{atom, 1}}, sign);
        atom.clear();
        return true;
    };
    for (char c : text) {
        if (c == '/' || c == '*') {
            if (!flush()) return std::nullopt;
            sign = (c == '/') ? -1 : +1;
        } else if (c != ' ') {
            atom += c;
        }
    }
    if (!flush()) return std::nullopt;
    return u;
}

}  // namespace tl
