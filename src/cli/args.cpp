#include "cli/args.hpp"

#include <algorithm>

namespace tl::cli {

bool ParsedArgs::has(const std::string& name) const {
    return values.count(name) > 0 || std::find(flags.begin(), flags.end(), name) != flags.end();
}

std::string ParsedArgs::value(const std::string& name, const std::string& fallback) const {
    auto it = values.find(name);
    return it == values.end() ? fallback : it->second;
}

namespace {

const OptionSpec* find_option(const std::vector<OptionSpec>& spec, const std::string& name) {
    for (const auto& o : spec)
        if (o.name == name) return &o;
    return nullptr;
}

}  // namespace

ParsedArgs parse_args(const std::vector<std::string>& args, const std::vector<OptionSpec>& spec) {
    ParsedArgs out;
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& word = args[i];
        // A lone "-" is a positional argument (conventionally stdin), never an option.
        if (options_ended || word.size() < 2 || word[0] != '-') {
            out.positional.push_back(word);
            continue;
        }
        if (word == "--") {
            options_ended = true;
            continue;
        }
        if (word == "-h" || word == "--help") {
            out.help = true;
            continue;
        }
        std::string name = word, inline_value;
        bool has_inline = false;
        const auto eq = word.find('=');
        if (word.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = word.substr(0, eq);
            inline_value = word.substr(eq + 1);
            has_inline = true;
        }
        const OptionSpec* opt = find_option(spec, name);
        if (!opt) throw UsageError("unknown option '" + name + "'");
        if (out.has(name)) throw UsageError("option '" + name + "' given twice");
        if (!opt->takes_value()) {
            if (has_inline) throw UsageError("option '" + name + "' takes no value");
            out.flags.push_back(name);
            continue;
        }
        if (has_inline) {
            out.values[name] = inline_value;
        } else {
            if (i + 1 >= args.size()) throw UsageError("option '" + name + "' needs a value (" + opt->value_name + ")");
            out.values[name] = args[++i];
        }
        if (out.values[name].empty()) throw UsageError("option '" + name + "' needs a value (" + opt->value_name + ")");
    }
    if (!out.help)
        for (const auto& o : spec)
            if (o.required && !out.has(o.name))
                throw UsageError("missing option '" + o.name + " " + o.value_name + "'");
    return out;
}

void expect_positional(const ParsedArgs& args, std::size_t count, const std::string& what) {
    if (args.positional.size() < count) throw UsageError("missing argument " + what);
    if (args.positional.size() > count)
        throw UsageError("unexpected argument '" + args.positional[count] + "'");
}

}  // namespace tl::cli
