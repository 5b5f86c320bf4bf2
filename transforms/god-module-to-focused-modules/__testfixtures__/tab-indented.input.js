/*
	A header comment indented with tabs, as many packages write it
	(recast counts a tab as several columns, which once shifted node offsets)
*/

"use strict";

const {
	digest,
	baseName: name
} = require("./utils");

module.exports = (file) => `${name(file)} ${digest(file)}`;
