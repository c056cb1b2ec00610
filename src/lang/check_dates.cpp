// Dates in expressions: `date("2027-03-01")` literals and the arithmetic a deadline needs.
// A date is a day number (days since 1970-01-01), so `delivery - deadline` is a plain
// subtraction giving days, and `deadline + 30 days` moves a date. Months and years are not
// whole numbers of days, so only `days` moves a date.
#include "core/field.hpp"
#include "lang/check.hpp"

namespace tl::lang {

namespace {

bool is_days(const Unit& u) { return !u.percent && u == Unit::atom("days"); }

}  // namespace

bool Checker::type_date_literal(Expr& e) {
    const Expr& arg = e.args[0];
    if (arg.kind != ExprKind::Text) {
        error(arg.pos, Message("lang.date-literal-form", TL_MSG("'date' takes a date written in quotes, e.g. date(\"2027-03-01\")")));
        return false;
    }
    const auto days = parse_iso_date(arg.name);
    if (!days) {
        error(arg.pos, Message("lang.date-literal-invalid", TL_MSG("'{value}' is not a valid date (write YYYY-MM-DD, e.g. 2027-03-01)"))
                           .text("value", arg.name));
        return false;
    }
    e.type = ValueKind::Date;
    e.unit = Unit::plain();
    e.value = *days;
    return true;
}

bool Checker::type_date_arithmetic(Expr& e) {
    const Expr& a = e.args[0];
    const Expr& b = e.args[1];
    const bool add = e.bin == BinOp::Add;
    if (a.type == ValueKind::Date && b.type == ValueKind::Date) {
        if (!add) {  // the days between two dates
            e.type = ValueKind::Number;
            e.unit = Unit::atom("days");
            return true;
        }
        error(e.op_pos, Message("lang.date-plus-date",
                                TL_MSG("cannot add two dates; subtract them for the days between ('{left} - {right}')"))
                            .text("left", print_expr(a))
                            .text("right", print_expr(b)));
        return false;
    }
    const Expr& date = a.type == ValueKind::Date ? a : b;
    const Expr& other = a.type == ValueKind::Date ? b : a;
    if (!add && b.type == ValueKind::Date) {
        error(e.op_pos, Message("lang.subtract-date-from-value",
                                TL_MSG("cannot subtract a date from {kind}; a date minus a date gives the days between"))
                            .nested("kind", kind_words(other.type)));
        return false;
    }
    if (other.type != ValueKind::Number || !is_days(other.unit)) {
        error(other.pos, Message("lang.date-moves-by-days",
                                 TL_MSG("a date moves by a number of days: '{expr}' is {kind}; write e.g. {date} {op} 30 days"))
                             .text("expr", print_expr(other))
                             .nested("kind", other.type == ValueKind::Number ? unit_words(other.unit) : kind_words(other.type))
                             .text("date", print_expr(date))
                             .text("op", add ? "+" : "-"));
        return false;
    }
    e.type = ValueKind::Date;
    e.unit = Unit::plain();
    return true;
}

}  // namespace tl::lang
