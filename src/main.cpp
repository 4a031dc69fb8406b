#include "powerlist/cli.hpp"

int main(int argc, char** argv) {
  return powerlist::cli_main(argc, argv);
}
