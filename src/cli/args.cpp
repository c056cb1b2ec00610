#include "cli/args.hpp"

#include <algorithm>

#include "cli/cli_translator.hpp"

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

std::string needs_value(const OptionSpec& o) {
    return say(Message("cli.option-needs-value", TL_MSG("option '{option}' needs a value ({value})"))
                   .text("option", o.name)
                   .text("value", o.value_name));
}

}  // namespace

std::string missing_option(const std::string& name, const std::string& value_name) {
    return say(Message("cli.missing-option", TL_MSG("missing option '{option}'")).text("option", name + " " + value_name));
}

std::string unexpected_argument(const std::string& word) {
    return say(Message("cli.unexpected-argument", TL_MSG("unexpected argument '{argument}'")).text("argument", word));
}

std::string option_goes_with(const std::string& option, const std::string& action) {
    return say(Message("cli.option-goes-with", TL_MSG("option '{option}' goes with '{action}'"))
                   .text("option", option)
                   .text("action", action));
}

std::string unknown_action(const std::string& action, const Message& use) {
    return say(Message("cli.unknown-action", TL_MSG("unknown action '{action}' ({use})")).text("action", action).nested("use", use));
}

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
        if (!opt) throw UsageError(say(Message("cli.unknown-option", TL_MSG("unknown option '{option}'")).text("option", name)));
        if (out.has(name))
            throw UsageError(say(Message("cli.option-twice", TL_MSG("option '{option}' given twice")).text("option", name)));
        if (!opt->takes_value()) {
            if (has_inline)
                throw UsageError(say(Message("cli.option-no-value", TL_MSG("option '{option}' takes no value")).text("option", name)));
            out.flags.push_back(name);
            continue;
        }
        if (has_inline) {
            out.values[name] = inline_value;
        } else {
            if (i + 1 >= args.size()) throw UsageError(needs_value(*opt));
            out.values[name] = args[++i];
        }
        if (out.values[name].empty()) throw UsageError(needs_value(*opt));
    }
    if (!out.help)
        for (const auto& o : spec)
            if (o.required && !out.has(o.name))
                throw UsageError(missing_option(o.name, o.value_name));
    return out;
}

void expect_positional(const ParsedArgs& args, std::size_t count, const std::string& what) {
    if (args.positional.size() < count)
        throw UsageError(say(Message("cli.missing-argument", TL_MSG("missing argument {what}")).text("what", what)));
    if (args.positional.size() > count) throw UsageError(unexpected_argument(args.positional[count]));
}

}  // namespace tl::cli
