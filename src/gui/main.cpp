// The shipped desktop app `tenderloop-gui`: the App as it is (app.hpp), with no test hooks.
#include "gui/app.hpp"

wxIMPLEMENT_APP_NO_MAIN(tl::gui::App);

int main(int argc, char** argv) { return tl::gui::run_app(argc, argv); }
