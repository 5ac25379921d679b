#include "config.h"

#include "parse.h"

static int
probe(const char *raw, size_t len)
{
	(void)raw;
	(void)len;
	return 0;
}

static enum status
parse(struct document *doc, struct error *err)
{
	(void)doc;
	return error_set(err, STATUS_FORMAT, "not written yet");
}

const struct parser parser_pdftext = {
	.name = "pdftext",
	.probe = probe,
	.parse = parse,
};
