import * as s3assets from 'aws-cdk-lib/aws-s3-assets';

/** What the boot script needs to install and start the video app. */
export interface AppUserDataOptions {
  readonly asset: s3assets.Asset;
  /** The bundled entry point inside the asset. */
  readonly entryFile: string;
  /** CloudWatch Logs group the app's log file is shipped to. */
  readonly logGroupName: string;
  readonly port: number;
  /** Local path polled until the app answers, before the instance reports success. */
  readonly healthCheckPath: string;
  /** The app's environment (APP_ROLE, MEDIA_BUCKET, ...). Values may be CDK tokens. */
  readonly environment: Record<string, string>;
}

const APP_DIR = '/opt/video-app';
const LOG_FILE = '/var/log/video-app/app.log';

/**
 * Boot script lines: install Node.js 22 and the CloudWatch agent, unpack the app from its S3 asset,
 * run it as an unprivileged systemd service, ship its log, and fail (so cfn-signal reports failure and
 * the rolling update stops) unless the app answers its health check within two minutes.
 */
export function appUserData(options: AppUserDataOptions): string[] {
  const env = { ...options.environment, PORT: String(options.port), HOST: '0.0.0.0', DOCDB_CA_FILE: `${APP_DIR}/global-bundle.pem` };
  const envFile = Object.entries(env).map(([name, value]) => `${name}=${value}`);
  const agentConfig = JSON.stringify({
    logs: {
      logs_collected: {
        files: { collect_list: [{ file_path: LOG_FILE, log_group_name: options.logGroupName, log_stream_name: '{instance_id}' }] },
      },
    },
  });
  return [
    'set -euo pipefail',
    'dnf install -y nodejs22 amazon-cloudwatch-agent aws-cfn-bootstrap unzip',
    `aws s3 cp 's3://${options.asset.s3BucketName}/${options.asset.s3ObjectKey}' /tmp/video-app.zip`,
    `rm -rf ${APP_DIR} && mkdir -p ${APP_DIR} && unzip -q -o /tmp/video-app.zip -d ${APP_DIR}`,
    // DocumentDB only accepts TLS connections signed by the RDS certificate authorities.
    `curl -fsSL --retry 5 -o ${APP_DIR}/global-bundle.pem https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem`,
    'id video-app >/dev/null 2>&1 || useradd --system --no-create-home --shell /sbin/nologin video-app',
    'install -d -o video-app -g video-app -m 0750 /var/log/video-app',
    `cat > /etc/video-app.env <<'ENV'`,
    ...envFile,
    'ENV',
    `cat > /etc/systemd/system/video-app.service <<'UNIT'`,
    '[Unit]',
    'Description=Video platform app',
    'After=network-online.target',
    'Wants=network-online.target',
    '[Service]',
    'User=video-app',
    'EnvironmentFile=/etc/video-app.env',
    `ExecStart=/usr/bin/node-22 --enable-source-maps ${APP_DIR}/${options.entryFile}`,
    'Restart=always',
    'RestartSec=2',
    `StandardOutput=append:${LOG_FILE}`,
    `StandardError=append:${LOG_FILE}`,
    'NoNewPrivileges=true',
    'ProtectSystem=strict',
    `ReadWritePaths=/var/log/video-app`,
    'ProtectHome=true',
    'PrivateTmp=true',
    '[Install]',
    'WantedBy=multi-user.target',
    'UNIT',
    `cat > /etc/logrotate.d/video-app <<'ROTATE'`,
    `${LOG_FILE} {`,
    '  daily',
    '  rotate 3',
    '  compress',
    '  missingok',
    '  copytruncate',
    '}',
    'ROTATE',
    'systemctl daemon-reload',
    'systemctl enable --now video-app',
    `cat > /opt/aws/amazon-cloudwatch-agent/etc/video-app.json <<'AGENT'`,
    agentConfig,
    'AGENT',
    '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:/opt/aws/amazon-cloudwatch-agent/etc/video-app.json',
    `for attempt in $(seq 1 60); do curl -fsS 'http://127.0.0.1:${options.port}${options.healthCheckPath}' && break; sleep 2; done`,
    `curl -fsS 'http://127.0.0.1:${options.port}${options.healthCheckPath}'`,
  ];
}
