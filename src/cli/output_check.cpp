#include "cli/output_check.hpp"

#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/printable.hpp"

namespace tl::cli {

OptionSpec force_option() {
    return {"--force", "",
            tr(TL_MSG("write over an existing file of another kind, or over a project, all the same (never over an input "
                      "of the same run)"))};
}

std::vector<std::string> rule_files(const lang::LoadResult& loaded) {
    std::vector<std::string> paths;
    for (const auto& f : loaded.files) paths.push_back(f.path);
    return paths;
}

bool output_allowed(const std::string& command, const std::string& out, app::FileKind writes,
                    std::vector<std::string> inputs, const ParsedArgs& args) {
    app::OutputRequest request;
    request.path = out;
    request.writes = writes;
    request.inputs = std::move(inputs);
    request.force = args.has("--force");
    request.force_option = "--force";
    const app::ChangeOutcome checked = app::check_output(request);
    if (checked.ok) return true;
    std::cerr << "tenderloop " << command << ": " << terminal_safe(say(checked.summary_message)) << "\n";
    return false;
}

}  // namespace tl::cli
