import { describeWorldOpenIngressRule } from './world-open-ingress-cases';

describeWorldOpenIngressRule('EC2RestrictedCommonPorts', 3389);
