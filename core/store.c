#include "config.h"

#include <sqlite3.h>

#include "store.h"
