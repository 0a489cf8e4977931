// The AWS SDK v3 warns once per process, on Node 20, that its releases from 2027 on need Node 22.
// That is a deployment decision (the Lambda runtime), not a test result: keep it out of test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
