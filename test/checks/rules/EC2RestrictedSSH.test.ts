import { describeWorldOpenIngressRule } from './world-open-ingress-cases';

describeWorldOpenIngressRule('EC2RestrictedSSH', 22);
