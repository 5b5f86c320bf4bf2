/*
	A header comment indented with tabs, as many packages write it
	(recast counts a tab as several columns, which once shifted node offsets)
*/

"use strict";

const { digest } = require("./utils/hashing");
const { baseName: name } = require("./utils/paths");

module.exports = (file) => `${name(file)} ${digest(file)}`;
