#pragma once
// The GUI entry point: the application object, settings, the local lab and the main window.

namespace swb {

// Runs the GUI until the last window closes; returns the exit code. With SWB_EXIT_AFTER_SHOW=1
// it prints "shown <ms>" (and "lab <ms>" when the lab is ready), counted from the start of
// runGui, and quits: the start-up benchmark uses it.
int runGui(int &argc, char **argv);

} // namespace swb
