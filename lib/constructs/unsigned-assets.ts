/**
 * Why the code this project deploys is not signature-checked (SEC06-BP04), said once for functions
 * and servers alike. `cdk deploy` uploads each bundle as an asset and deploys it in the same step;
 * a signature needs a release step that signs the bundle (AWS Signer for Lambda, a key for a server
 * bundle) between the build and the deployment. Lambda code signing set to Enforce without that step
 * would reject every deployment, and a boot-time check would have nothing to verify.
 */
export const UNSIGNED_ASSET_REASON =
  'cdk deploy uploads and deploys each bundle in one step, with no signing step between: enforced code signing (AWS Signer) or a boot-time signature check needs a release pipeline that signs the bundle first, and would reject every deployment without it. The asset bucket is writable only by the deployment role.';
