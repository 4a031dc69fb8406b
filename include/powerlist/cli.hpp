// The command line: CLI11 wiring only. Each subcommand lives in src/cli/cmd_<name>.cpp.
#pragma once

namespace powerlist {
int cli_main(int argc, char** argv);
}
