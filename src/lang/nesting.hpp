#pragma once
// How deep rule text may nest, and the X3 directive that enforces it while parsing. Internal to
// src/lang (Spirit).
//
// The grammar is a recursive descent: every `(`, `not`, unary `-`, `if` and function call costs
// some dozens of C++ stack frames, so 2 000 nested brackets ended the program with SIGSEGV before
// any diagnostic. The limit is checked on entry to each nesting construct, before the recursion
// goes deeper, and is reported where the construct that is one level too deep begins.
#include <boost/spirit/home/x3.hpp>

#include "lang/limits.hpp"

namespace tl::lang {

namespace parser {

namespace x3 = boost::spirit::x3;

/// Open nesting constructs of the parse running on this thread (parse_rules runs to its end on
/// one thread; a guard restores the count when an exception unwinds the parse).
inline int& nesting_depth() {
    thread_local int depth = 0;
    return depth;
}

/// `nest(opener)[subject]`: parses subject one nesting level deeper. At the limit, when `opener`
/// matches here (so the construct really begins here, not some other alternative), the parse stops
/// with an expectation failure named "too-deep" at the opener; parse.cpp words it.
template <class Opener, class Subject>
struct nest_parser : x3::unary_parser<Subject, nest_parser<Opener, Subject>> {
    using base_type = x3::unary_parser<Subject, nest_parser<Opener, Subject>>;
    static bool const is_pass_through_unary = true;
    static bool const handles_container = Subject::handles_container;

    constexpr nest_parser(Opener const& opener, Subject const& subject) : base_type(subject), opener(opener) {}

    template <class Iterator, class Context, class RContext, class Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const& context, RContext& rcontext,
               Attribute& attr) const {
        x3::skip_over(first, last, context);
        if (nesting_depth() >= kMaxNesting) {
            Iterator probe = first;
            if (opener.parse(probe, last, context, rcontext, x3::unused))
                boost::throw_exception(x3::expectation_failure<Iterator>(first, "too-deep"));
        }
        struct Level {
            Level() { ++nesting_depth(); }
            ~Level() { --nesting_depth(); }
        } level;
        return this->subject.parse(first, last, context, rcontext, attr);
    }

    Opener opener;
};

template <class Opener>
struct nest_gen {
    Opener opener;
    template <class Subject>
    constexpr nest_parser<Opener, typename x3::extension::as_parser<Subject>::value_type> operator[](
        Subject const& subject) const {
        return {opener, x3::as_parser(subject)};
    }
};

template <class Opener>
constexpr nest_gen<typename x3::extension::as_parser<Opener>::value_type> nest(Opener const& opener) {
    return {x3::as_parser(opener)};
}

}  // namespace parser
}  // namespace tl::lang
