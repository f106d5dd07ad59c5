/* assert(expr): abort with a message if expr is false, unless NDEBUG.
 * Deliberately without an include guard: NDEBUG may change in between. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
void __assert_fail(const char *expr, const char *file, unsigned int line,
                   const char *function) __attribute__((__noreturn__));
#define assert(expr) \
    ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif
