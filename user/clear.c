/* clear -- clear the screen (the VT100 sequences the console knows). */
#include "util.h"

int
main(int argc, char **argv)
{
    USAGE(argc, argv, "usage: clear\n");
    fputs("\033[H\033[2J", stdout);
    return 0;
}
